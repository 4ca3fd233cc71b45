using System.Diagnostics;
using FirewallKit.Core.IO;
using FirewallKit.Tests.Apply;

namespace FirewallKit.Tests.IO;

public class FileIdentityTests
{
    private TempDirectory _folder = null!;

    [SetUp]
    public void CreateFolder()
    {
        _folder = new TempDirectory();
        Directory.CreateDirectory(_folder.Path);
    }

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    [Test]
    public void A_path_through_linked_folders_and_a_relative_link_resolves_to_the_real_file()
    {
        var real = Directory.CreateDirectory(Path.Combine(_folder.Path, "real")).FullName;
        var file = Path.Combine(real, "profile.json");
        File.WriteAllText(file, "{}");
        Directory.CreateSymbolicLink(Path.Combine(_folder.Path, "a"), real);
        Directory.CreateSymbolicLink(Path.Combine(_folder.Path, "b"), "a"); // relative, to another link
        File.CreateSymbolicLink(Path.Combine(real, "current.json"), "profile.json");

        var resolved = FileIdentity.ResolvedPath(Path.Combine(_folder.Path, "b", "current.json"));

        Assert.That(resolved, Is.EqualTo(FileIdentity.ResolvedPath(file)));
        Assert.That(resolved, Does.EndWith(Path.Combine("real", "profile.json")));
    }

    [Test]
    public void A_link_loop_does_not_hang()
    {
        var loop = Path.Combine(_folder.Path, "loop");
        File.CreateSymbolicLink(loop, loop);

        Assert.That(FileIdentity.ResolvedPath(loop), Is.EqualTo(loop));
    }

    [Test]
    public void Two_different_files_are_not_the_same()
    {
        var first = Path.Combine(_folder.Path, "a.json");
        var second = Path.Combine(_folder.Path, "b.json");
        File.WriteAllText(first, "{}");
        File.WriteAllText(second, "{}");

        Assert.That(FileIdentity.SameFile(first, second), Is.False);
    }

    [Test]
    public void A_hard_link_is_the_same_file()
    {
        UnixFiles.RequireLinux();
        var first = Path.Combine(_folder.Path, "a.json");
        var second = Path.Combine(_folder.Path, "b.json");
        File.WriteAllText(first, "{}");
        using var ln = Process.Start(new ProcessStartInfo("ln", [first, second]) { UseShellExecute = false })!;
        ln.WaitForExit();

        Assert.That(FileIdentity.SameFile(first, second), Is.True);
    }
}
