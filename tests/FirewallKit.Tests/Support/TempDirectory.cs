namespace FirewallKit.Tests.Support;

/// <summary>A fresh folder for one test's backups, deleted afterwards.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "fwkit-tests", Guid.NewGuid().ToString("N"));

    public string[] Files => Directory.Exists(Path) ? Directory.GetFiles(Path) : [];

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
