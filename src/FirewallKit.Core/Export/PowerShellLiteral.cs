namespace FirewallKit.Core.Export;

/// <summary>
/// Writes text as a single-quoted PowerShell string literal, so catalog and profile text is always
/// data: nothing is expanded inside single quotes, and the only character that ends the literal is
/// a single quote, which PowerShell also recognises in the typographic forms U+2018 to U+201B.
/// Every one of them is doubled, as PowerShell's own <c>CodeGeneration.EscapeSingleQuotedStringContent</c> does.
/// </summary>
public static class PowerShellLiteral
{
    public static string Quote(string value)
    {
        var text = new System.Text.StringBuilder(value.Length + 2);
        text.Append('\'');
        foreach (var c in value)
        {
            text.Append(c);
            if (IsSingleQuote(c))
            {
                text.Append(c);
            }
        }

        return text.Append('\'').ToString();
    }

    /// <summary><c>@('a', 'b')</c>: an array even for one element, so a string-array parameter always gets an array.</summary>
    public static string Array(IEnumerable<string> values) => "@(" + string.Join(", ", values.Select(Quote)) + ")";

    public static bool IsSingleQuote(char c) => c is '\'' or '\u2018' or '\u2019' or '\u201A' or '\u201B';

    /// <summary>
    /// Text for a <c>#</c> comment line: a comment ends at a line break, so anything PowerShell or an
    /// editor could take as one (and other control characters) becomes a space.
    /// </summary>
    public static string CommentText(string value) =>
        new([.. value.Select(c => char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c)]);
}
