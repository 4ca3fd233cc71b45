namespace FirewallKit.Tests.Support;

/// <summary>Finds files of the repository (profiles, schemas) from the test's output folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Profiles => Path.Combine(Root, "profiles");

    public static string Profile(string name) => Path.Combine(Profiles, name);

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FirewallKit.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("FirewallKit.sln not found above " + AppContext.BaseDirectory);
    }
}
