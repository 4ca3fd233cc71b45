using System.Management.Automation.Language;
using FirewallKit.Core.Export;

namespace FirewallKit.Tests.Export;

public sealed class QuotingTests
{
    private static readonly string[] Tricky =
    [
        "", "'", "''", "it's", "\u2018\u2019\u201A\u201B", "a\u2019; Remove-Item x; \u2019", "$(Invoke-Pwned)", "`n`$x", "line\nbreak\r\n",
        "#> <# \"double\"", "@{a=1}", "%PATH%", "'\u2019'\u2018", "\u2192 caf\u00E9 \U0001F600 \u202E", "\u001B[31m",
    ];

    [TestCaseSource(nameof(Tricky))]
    public void A_PowerShell_literal_evaluates_to_exactly_the_text(string text)
    {
        var expression = PowerShellLiteral.Quote(text);

        var value = PowerShellHost.Evaluate("$x = " + expression + "; $x").Single();

        Assert.That(value, Is.EqualTo(text));
    }

    [TestCaseSource(nameof(Tricky))]
    public void A_PowerShell_literal_is_ASCII_single_quoted_text_and_code_points(string text)
    {
        var expression = PowerShellLiteral.Quote(text);
        var ast = PowerShellHost.Parse("$x = " + expression);

        Assert.That(expression.All(AsciiText.IsPrintable), Is.True, expression);
        Assert.That(ast.FindAll(a => a is StringConstantExpressionAst, true).Cast<StringConstantExpressionAst>().Select(s => s.StringConstantType), Is.All.EqualTo(StringConstantType.SingleQuoted));
        Assert.That(ast.FindAll(a => a is ExpandableStringExpressionAst or SubExpressionAst or CommandAst, true), Is.Empty);
    }

    [Test]
    public void Quotes_are_doubled_and_typographic_quotes_become_code_points()
    {
        Assert.That(PowerShellLiteral.Quote("a'b\u2018c\u2019d"), Is.EqualTo("('a''b' + [char]0x2018 + 'c' + [char]0x2019 + 'd')"));
        Assert.That(PowerShellLiteral.Quote("\u2192 x"), Is.EqualTo("('' + [char]0x2192 + ' x')"));
        Assert.That(PowerShellLiteral.Quote("plain"), Is.EqualTo("'plain'"));
    }

    [Test]
    public void A_comment_line_cannot_be_broken_and_is_ASCII()
    {
        Assert.That(PowerShellLiteral.CommentText("a\r\nb\u2028c\u0085d \u2192 caf\u00E9"), Is.EqualTo("a  b c d -> cafe"));
    }

    [Test]
    public void Cmd_values_double_percent_and_keep_metacharacters_inside_quotes()
    {
        Assert.That(CmdQuoting.Quote("50% & <x> | ^y %PATH%"), Is.EqualTo("\"50%% & <x> | ^y %%PATH%%\""));
    }

    [TestCase("say \"hi\"", "'\"'")]
    [TestCase("two\nlines", "line break")]
    [TestCase("bell\a", "control character")]
    public void Cmd_values_refuse_what_cannot_be_quoted(string text, string reason)
    {
        Assert.That(CmdQuoting.Problem(text), Does.Contain(reason));
        Assert.Throws<ArgumentException>(() => CmdQuoting.Quote(text));
    }

    [Test]
    public void Cmd_text_is_made_ASCII()
    {
        Assert.That(CmdQuoting.ToAscii("A \u2013 B \u2192 C \u2194 D \u2018q\u2019 \u201Cd\u201D caf\u00E9 \u4E2D"), Is.EqualTo("A - B -> C <-> D 'q' 'd' cafe ?"));
    }
}
