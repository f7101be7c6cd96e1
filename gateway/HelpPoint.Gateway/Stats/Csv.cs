using System.Globalization;
using System.Text;

namespace HelpPoint.Gateway.Stats;

/// <summary>Writes RFC 4180 CSV: fields quoted when needed, text that a spreadsheet would run as a formula neutralised.</summary>
public sealed class Csv
{
    private readonly StringBuilder _text = new();
    private bool _lineStarted;

    public Csv(params string[] header) => Row(header);

    /// <summary>Appends a row; numbers are written invariantly, null as an empty field.</summary>
    public Csv Row(params object?[] fields)
    {
        foreach (var field in fields)
        {
            Field(field);
        }

        return End();
    }

    public Csv Field(object? value)
    {
        if (_lineStarted)
        {
            _text.Append(',');
        }

        _lineStarted = true;
        _text.Append(value switch
        {
            null => "",
            string s => Text(s),
            double d => d.ToString("0.###", CultureInfo.InvariantCulture),
            bool b => b ? "true" : "false",
            DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => Text(value.ToString() ?? ""),
        });
        return this;
    }

    public Csv End()
    {
        _text.Append('\n');
        _lineStarted = false;
        return this;
    }

    public override string ToString() => _text.ToString();

    /// <summary>
    /// A text field: quoted when it holds a comma, quote or line break. A leading <c>= + - @</c> gets an apostrophe in front, since
    /// host names are typed by people and a spreadsheet would otherwise evaluate them.
    /// </summary>
    public static string Text(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
