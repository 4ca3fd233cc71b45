using FirewallKit.Cli;
using FirewallKit.Tests.Apply;
using FirewallKit.Tests.IO;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.Cli;

/// <summary>The files given to --profile, --catalog, --rules and --backup: only regular files, within the size limit, read at once.</summary>
public class InputFileTests
{
    private static readonly string Profile = RepoPaths.Profile("single-server.json");

    public static IEnumerable<TestCaseData> EveryInputOption(string path)
    {
        yield return new TestCaseData((object)new[] { "validate", "--profile", path }).SetArgDisplayNames("--profile", path);
        yield return new TestCaseData((object)new[] { "validate", "--profile", Profile, "--catalog", path }).SetArgDisplayNames("--catalog", path);
        yield return new TestCaseData((object)new[] { "check", "--rules", path, "--from", "10.0.0.1", "--port", "443" }).SetArgDisplayNames("--rules", path);
        yield return new TestCaseData((object)new[] { "rollback", "--backup", path }).SetArgDisplayNames("--backup", path);
    }

    public static IEnumerable<TestCaseData> Devices() => EveryInputOption("/dev/zero").Concat(EveryInputOption("/dev/urandom"));

    [TestCaseSource(nameof(Devices))]
    public void A_device_is_refused_at_once_as_not_a_regular_file(string[] args)
    {
        UnixFiles.RequireLinux();

        var result = UnixFiles.WithinTwoSeconds(() => CliRunner.Run(args));

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.InvalidInput), result.Error);
        Assert.That(result.Error, Does.Contain(": $: the path is a character device, not a regular file. Fix: "));
        Assert.That(result.Error, Does.Not.Contain("   at "));
    }

    [Test]
    public void A_FIFO_profile_is_refused_without_waiting_for_a_writer()
    {
        using var folder = new TempDirectory();
        Directory.CreateDirectory(folder.Path);
        var fifo = UnixFiles.MakeFifo(Path.Combine(folder.Path, "profile.json"));

        var result = UnixFiles.WithinTwoSeconds(() => CliRunner.Run("validate", "--profile", fifo));

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.InvalidInput), result.Error);
        Assert.That(result.Error, Does.StartWith($"error: {fifo}: $: the path is a FIFO (named pipe), not a regular file. Fix: "));
    }

    [Test]
    public void A_directory_is_reported_as_a_directory_not_as_missing()
    {
        using var folder = new TempDirectory();
        Directory.CreateDirectory(folder.Path);

        var result = CliRunner.Run("validate", "--profile", folder.Path);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.InvalidInput), result.Error);
        Assert.That(result.Error, Does.StartWith($"error: {folder.Path}: $: the path is a directory, not a file. Fix: "));
    }

    [Test]
    public void A_file_over_the_limit_is_refused_naming_its_size_and_the_limit()
    {
        using var folder = new TempDirectory();
        Directory.CreateDirectory(folder.Path);
        var path = Path.Combine(folder.Path, "profile.json");
        using (var stream = File.Create(path))
        {
            stream.SetLength((64 * 1024 * 1024) + 1);
        }

        var result = CliRunner.Run("validate", "--profile", path);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.InvalidInput), result.Error);
        Assert.That(result.Error, Does.StartWith($"error: {path}: $: the file is 67,108,865 bytes, over the 67,108,864-byte (64 MiB) limit. Fix: "));
    }

    [Test]
    public void Check_reads_back_the_plan_of_a_profile_with_5000_addresses()
    {
        using var folder = new TempDirectory();
        Directory.CreateDirectory(folder.Path);
        var plan = Path.Combine(folder.Path, "plan.json");
        File.WriteAllText(plan, LargePlan.Json);

        var result = CliRunner.Run("check", "--rules", plan, "--from", "10.49.198.5", "--port", "443", "--firewall-profile", "domain");

        Assert.That(new FileInfo(plan).Length, Is.GreaterThan(1_500_000));
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Error);
        Assert.That(result.Out, Does.StartWith("allowed: TCP 443 from 10.49.198.5"));
    }
}
