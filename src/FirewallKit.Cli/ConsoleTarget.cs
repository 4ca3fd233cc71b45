using System.Text;

namespace FirewallKit.Cli;

/// <summary>
/// What stdout can show: <see cref="Width"/> is the terminal's columns, or null when output is redirected (a file or
/// a pipe keeps every line whole); <see cref="Unicode"/> is false when the console's code page is not UTF-8, where
/// → · – would print as '?'. Tests hand in their own; <see cref="Detect"/> asks the real console.
/// </summary>
public sealed record ConsoleTarget(int? Width, bool Unicode)
{
    /// <summary>A redirected UTF-8 stream: full width, every character as it is.</summary>
    public static readonly ConsoleTarget Plain = new(null, true);

    /// <summary>The console fwkit writes to: <paramref name="stdout"/> is the process's own, or a writer a test or host supplied (<see cref="Plain"/>).</summary>
    public static ConsoleTarget For(TextWriter stdout) => ReferenceEquals(stdout, Console.Out) ? Detect() : Plain;

    public static ConsoleTarget Detect()
    {
        // Windows writes stdout, redirected or not, in the console's output code page; elsewhere the locale's charset.
        var encoding = Console.OutputEncoding;
        var unicode = encoding.CodePage is 65001 or 1200 or 1201 || encoding is UTF8Encoding or UnicodeEncoding;
        return new ConsoleTarget(Console.IsOutputRedirected ? null : TerminalWidth(), unicode);
    }

    private static int? TerminalWidth()
    {
        try
        {
            return Console.WindowWidth is > 0 and var width ? width : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
