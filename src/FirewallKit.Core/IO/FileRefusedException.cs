namespace FirewallKit.Core.IO;

/// <summary>
/// A file fwkit will not read or replace, with what is wrong and how to fix it; the caller adds
/// which input or option the path came from.
/// </summary>
public sealed class FileRefusedException : IOException
{
    public FileRefusedException(string path, string problem, string fix, Exception? inner = null)
        : base(problem, inner)
    {
        Path = path;
        Problem = problem;
        Fix = fix;
    }

    public string Path { get; }

    public string Problem { get; }

    public string Fix { get; }
}
