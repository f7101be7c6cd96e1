using System.Globalization;
using System.Text;

namespace HelpPoint.Gateway.Stats;

/// <summary>Writes RFC 4180 CSV: every text field quoted, text that a spreadsheet would run as a formula neutralised.</summary>
public sealed class Csv
{
    private readonly StringBuilder _text = new();
    private bool _lineStarted;

    /// <summary>Starts with the header row: the gateway's own column names, plain words, so they are written as they are.</summary>
    public Csv(params string[] header)
    {
        _text.AppendJoin(',', header);
        End();
    }

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
    /// A text field, always quoted: a spreadsheet in a locale whose separator is not the comma (Swedish Excel uses ';') would
    /// otherwise split an unquoted field and could run a part of it as a formula. A leading <c>= + - @</c>, tab or carriage
    /// return gets an apostrophe in front, since names are typed by people and a spreadsheet would otherwise evaluate them.
    /// </summary>
    public static string Text(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
