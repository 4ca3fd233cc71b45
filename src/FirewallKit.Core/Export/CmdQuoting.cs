namespace FirewallKit.Core.Export;

/// <summary>
/// Values for a line of a <c>.cmd</c> file. Inside double quotes cmd.exe takes <c>&amp; | &lt; &gt; ^</c>
/// literally, but still expands <c>%VAR%</c>, so <c>%</c> is doubled; a <c>"</c> would end the quoted
/// value and there is no escape for it that netsh understands, and a line break would end the
/// command, so text with either cannot be written and is refused.
/// </summary>
public static class CmdQuoting
{
    /// <summary>Why <paramref name="value"/> cannot be a quoted value on a batch-file line, or null when it can.</summary>
    public static string? Problem(string value)
    {
        if (value.Contains('"', StringComparison.Ordinal))
        {
            return "contains '\"', which cannot appear inside a quoted netsh value";
        }

        if (value.Any(c => char.IsControl(c) && c != '\t'))
        {
            return "contains a line break or another control character, which would end the command line of a batch file";
        }

        return null;
    }

    /// <summary><c>"value"</c> with <c>%</c> doubled; call <see cref="Problem"/> first.</summary>
    public static string Quote(string value)
    {
        if (Problem(value) is { } problem)
        {
            throw new ArgumentException($"The value {problem}.", nameof(value));
        }

        return "\"" + value.Replace("%", "%%", StringComparison.Ordinal) + "\"";
    }

    /// <summary>
    /// The text in plain ASCII (<see cref="AsciiText.Transliterate"/>): cmd.exe reads a batch file in the
    /// console's OEM code page, not UTF-8, so any other byte would reach the firewall garbled. Control
    /// characters are kept for <see cref="Problem"/> to refuse: a line break must not silently vanish.
    /// </summary>
    public static string ToAscii(string value) => AsciiText.Transliterate(value);
}
