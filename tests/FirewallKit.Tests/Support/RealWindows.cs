namespace FirewallKit.Tests.Support;

/// <summary>
/// The corpus of real Windows captures (reference data, never committed): <c>../shared/real-windows</c> beside the
/// clone, as CI has it, or the folder <c>FWKIT_REAL_WINDOWS</c> names. Tests that read it are ignored where it is absent.
/// </summary>
public static class RealWindows
{
    public static string? Folder
    {
        get
        {
            string?[] candidates =
            [
                Environment.GetEnvironmentVariable("FWKIT_REAL_WINDOWS"),
                Path.Combine(RepoPaths.Root, "..", "shared", "real-windows"),
                Path.Combine(RepoPaths.Root, "..", "..", "shared", "real-windows"),
            ];
            return candidates.FirstOrDefault(c => c is not null && Directory.Exists(c));
        }
    }

    /// <summary>The folder <paramref name="name"/> of the corpus, or the test is ignored.</summary>
    public static string Require(string name)
    {
        var folder = Folder is { } root ? Path.Combine(root, name) : null;
        if (folder is null || !Directory.Exists(folder))
        {
            Assert.Ignore($"the real-windows corpus ({name}) is not beside the clone (../shared/real-windows) and FWKIT_REAL_WINDOWS is not set");
        }

        return folder!;
    }
}
