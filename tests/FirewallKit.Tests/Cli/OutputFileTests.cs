using FirewallKit.Cli;
using FirewallKit.Core.Catalog;
using FirewallKit.Core.IO;
using FirewallKit.Tests.Apply;
using FirewallKit.Tests.IO;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.Cli;

/// <summary>--output of plan and export: the file is replaced whole, and only a regular file that is not an input.</summary>
public class OutputFileTests
{
    private static readonly string Profile = RepoPaths.Profile("single-server.json");

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
    public void A_planted_tmp_symbolic_link_is_not_followed()
    {
        var victim = FileIn("victim.txt", "precious");
        var output = Path.Combine(_folder.Path, "fw.ps1");
        File.CreateSymbolicLink(output + ".tmp", victim);

        var result = CliRunner.Run("export", "--profile", Profile, "--format", "powershell", "--output", output);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Error);
        Assert.That(File.ReadAllText(victim), Is.EqualTo("precious"));
        Assert.That(File.ReadAllText(output), Does.Contain("New-NetFirewallRule"));
    }

    [Test]
    public void A_symbolic_link_output_is_refused_and_its_target_untouched()
    {
        var victim = FileIn("victim.txt", "precious");
        var output = Path.Combine(_folder.Path, "plan.txt");
        File.CreateSymbolicLink(output, victim);

        var result = CliRunner.Run("plan", "--profile", Profile, "--output", output);

        AssertRefused(result, $"'{output}' is a symbolic link, not a regular file");
        Assert.That(new FileInfo(output).LinkTarget, Is.EqualTo(victim));
        Assert.That(File.ReadAllText(victim), Is.EqualTo("precious"));
    }

    [Test]
    public void A_FIFO_output_is_refused_and_stays_a_FIFO()
    {
        var fifo = UnixFiles.MakeFifo(Path.Combine(_folder.Path, "plan.txt"));

        var result = UnixFiles.WithinTwoSeconds(() => CliRunner.Run("plan", "--profile", Profile, "--output", fifo));

        AssertRefused(result, $"'{fifo}' is a FIFO (named pipe), not a regular file");
        Assert.That(Core.IO.FileKinds.Of(fifo, followLinks: false), Is.EqualTo(Core.IO.FileKind.Fifo));
    }

    [Test]
    public void A_directory_output_is_refused_and_no_temporary_file_is_left()
    {
        var directory = Directory.CreateDirectory(Path.Combine(_folder.Path, "plan.txt")).FullName;

        var result = CliRunner.Run("plan", "--profile", Profile, "--output", directory);

        AssertRefused(result, $"'{directory}' is a directory, not a regular file");
        Assert.That(Directory.GetFileSystemEntries(_folder.Path), Is.EqualTo(new[] { directory }));
    }

    [Test]
    public void The_profile_is_not_overwritten_by_the_output()
    {
        var profile = Path.Combine(_folder.Path, "profile.json");
        File.Copy(Profile, profile);
        var before = File.ReadAllBytes(profile);

        var result = CliRunner.Run("plan", "--profile", profile, "--format", "json", "--output", profile);

        AssertRefused(result, $"'{profile}' is also an input of this command ('{profile}'), and writing it would destroy what was read");
        Assert.That(File.ReadAllBytes(profile), Is.EqualTo(before));
    }

    [Test]
    public void The_catalog_is_not_overwritten_through_a_symbolic_link_to_its_folder()
    {
        var real = Directory.CreateDirectory(Path.Combine(_folder.Path, "real")).FullName;
        var catalog = Path.Combine(real, "catalog.json");
        File.WriteAllText(catalog, CatalogJson());
        var before = File.ReadAllBytes(catalog);
        var linked = Path.Combine(_folder.Path, "linked");
        Directory.CreateSymbolicLink(linked, real);

        var result = CliRunner.Run("export", "--profile", Profile, "--catalog", catalog, "--format", "json", "--output", Path.Combine(linked, "catalog.json"));

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.InvalidInput), result.Error);
        Assert.That(result.Error, Does.Contain("is also an input of this command"));
        Assert.That(File.ReadAllBytes(catalog), Is.EqualTo(before));
    }

    [Test]
    public void An_existing_output_keeps_its_mode()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("Unix file modes");
            return;
        }

        var output = FileIn("fw.ps1", "old");
        const UnixFileMode ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        File.SetUnixFileMode(output, ownerOnly);

        var result = CliRunner.Run("export", "--profile", Profile, "--format", "powershell", "--output", output);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Error);
        Assert.That(File.GetUnixFileMode(output), Is.EqualTo(ownerOnly));
        Assert.That(File.ReadAllText(output), Does.Contain("New-NetFirewallRule"));
    }

    [Test]
    public void An_empty_output_path_is_an_argument_error()
    {
        var result = CliRunner.Run("plan", "--profile", Profile, "--output", string.Empty);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.InvalidInput), result.Error);
        Assert.That(result.Error, Does.StartWith("error: Option '--output' was given an empty value."));
        Assert.That(result.Error, Does.Not.Contain("   at "));
    }

    private string FileIn(string name, string content)
    {
        var path = Path.Combine(_folder.Path, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static string CatalogJson()
    {
        using var stream = typeof(Core.Catalog.CatalogLoader).Assembly.GetManifestResourceStream("FirewallKit.Core.Catalog.printeron.json")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static void AssertRefused(CliRunner.Result result, string problem)
    {
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.InvalidInput), result.Error);
        Assert.That(result.Error, Does.StartWith($"error: command line: --output: {problem}. Fix: "));
        Assert.That(result.Error, Does.Not.Contain("   at "));
        // With --format json the failure's fwkit.result summary goes to stdout, since the file was refused.
        Assert.That(result.Out, Is.Empty.Or.Contains("\"status\": \"invalid-input\""));
    }
}
