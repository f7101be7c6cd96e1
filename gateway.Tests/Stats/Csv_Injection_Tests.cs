using HelpPoint.Gateway.Stats;

namespace HelpPoint.Gateway.Tests.Stats;

/// <summary>CSV exports open in spreadsheets of any locale: no cell may run as a formula, with ',' or ';' as the separator.</summary>
[TestClass]
public sealed class Csv_Injection_Tests
{
    [TestMethod]
    [DataRow("Kista;=2+5", "\"Kista;=2+5\"")]
    [DataRow("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [DataRow("+46", "\"'+46\"")]
    [DataRow("-2+3", "\"'-2+3\"")]
    [DataRow("@SUM(A1)", "\"'@SUM(A1)\"")]
    [DataRow("\tcmd", "\"'\tcmd\"")]
    [DataRow("\rcmd", "\"'\rcmd\"")]
    [DataRow("Sara", "\"Sara\"")]
    [DataRow("", "\"\"")]
    public void Every_text_field_is_quoted_and_a_leading_formula_character_neutralised(string value, string expected)
    {
        Assert.AreEqual(expected, Csv.Text(value));
    }

    [TestMethod]
    public void A_branch_name_with_a_semicolon_stays_one_cell_in_a_semicolon_locale()
    {
        var csv = new Csv("branch", "requests").Row("Kista;=2+5", 3).ToString();

        var row = csv.Split('\n')[1];
        Assert.AreEqual("\"Kista;=2+5\",3", row, "a ';'-splitting spreadsheet sees one quoted cell, not '=2+5'");
    }
}
