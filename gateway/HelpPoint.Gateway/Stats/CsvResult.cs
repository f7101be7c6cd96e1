using System.Text;

namespace HelpPoint.Gateway.Stats;

/// <summary>A CSV download: UTF-8 text with a file name, so a browser saves it as <c>helppoint-….csv</c>.</summary>
public sealed class CsvResult(string text, string fileName) : IResult
{
    public string Text { get; } = text;

    public string FileName { get; } = fileName;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.ContentType = "text/csv; charset=utf-8";
        httpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{FileName}\"";
        await httpContext.Response.WriteAsync(Text, Encoding.UTF8, httpContext.RequestAborted);
    }
}
