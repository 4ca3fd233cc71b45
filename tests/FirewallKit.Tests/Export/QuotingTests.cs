using System.Management.Automation.Language;
using FirewallKit.Core.Export;

namespace FirewallKit.Tests.Export;

public sealed class QuotingTests
{
    private static readonly string[] Tricky =
    [
        "", "'", "''", "it's", "\u2018\u2019\u201A\u201B", "a\u2019; Remove-Item x; \u2019", "$(Invoke-Pwned)", "`n`$x", "line\nbreak\r\n",
        "#> <# \"double\"", "@{a=1}", "%PATH%", "'\u2019'\u2018",
    ];

    [TestCaseSource(nameof(Tricky))]
    public void A_PowerShell_literal_parses_back_to_exactly_the_text(string text)
    {
        var ast = PowerShellHost.Parse("$x = " + PowerShellLiteral.Quote(text));

        var literal = ast.FindAll(a => a is StringConstantExpressionAst, true).Cast<StringConstantExpressionAst>().Single();

        Assert.That(literal.StringConstantType, Is.EqualTo(StringConstantType.SingleQuoted));
        Assert.That(literal.Value, Is.EqualTo(text));
    }

    [Test]
    public void Every_single_quote_form_is_doubled()
    {
        Assert.That(PowerShellLiteral.Quote("a'b\u2018c\u2019d\u201Ae\u201Bf"), Is.EqualTo("'a''b\u2018\u2018c\u2019\u2019d\u201A\u201Ae\u201B\u201Bf'"));
    }

    [Test]
    public void A_comment_line_cannot_be_broken()
    {
        Assert.That(PowerShellLiteral.CommentText("a\r\nb\u2028c\u0085d"), Is.EqualTo("a  b c d"));
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
