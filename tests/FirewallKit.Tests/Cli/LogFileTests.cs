using FirewallKit.Cli;
using FirewallKit.Tests.Apply;
using FirewallKit.Tests.IO;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.Cli;

/// <summary>--log-file: written, or the run stops with exit 2 saying why; never dropped in silence.</summary>
public class LogFileTests
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
    public void The_log_file_gets_the_run_and_its_folder_is_created()
    {
        var log = Path.Combine(_folder.Path, "logs", "fwkit.log");

        var result = CliRunner.Run("--log-file", log, "validate", "--profile", Profile);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Error);
        Assert.That(File.ReadAllText(log), Does.Contain("[DBG] fwkit validate started").And.Contain("[WRN] port-listed-twice"));
    }

    [Test]
    public void A_log_file_on_a_device_is_exit_2_before_anything_runs()
    {
        UnixFiles.RequireLinux();
        var output = Path.Combine(_folder.Path, "plan.txt");

        var result = CliRunner.Run("--log-file", "/dev/full", "plan", "--profile", Profile, "--output", output);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.InvalidInput), result.Error);
        // Like --output, the log is a regular file only: /dev/full is refused before a line is written.
        Assert.That(result.Error, Does.StartWith("error: command line: --log-file: '/dev/full' is a character device, not a regular file. Fix: "));
        Assert.That(result.Error, Does.Not.Contain("   at "));
        Assert.That(File.Exists(output), Is.False, "the command must not run without its log");
    }

    [Test]
    public void A_log_file_that_is_a_directory_is_exit_2()
    {
        var result = CliRunner.Run("--log-file", _folder.Path, "validate", "--profile", Profile);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.InvalidInput), result.Error);
        Assert.That(result.Error, Does.StartWith($"error: command line: --log-file: the log file '{_folder.Path}' is a directory. Fix: "));
        Assert.That(result.Out, Is.Empty);
    }

    [Test]
    public void A_log_file_whose_folder_cannot_be_created_is_exit_2()
    {
        var file = Path.Combine(_folder.Path, "a-file");
        File.WriteAllText(file, "x");
        var log = Path.Combine(file, "fwkit.log");

        var result = CliRunner.Run("--log-file", log, "validate", "--profile", Profile);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.InvalidInput), result.Error);
        Assert.That(result.Error, Does.StartWith($"error: command line: --log-file: the log file '{log}' cannot be opened: "));
        Assert.That(result.Error, Does.Not.Contain("   at "));
    }

    [Test]
    public void An_empty_log_file_path_is_an_argument_error()
    {
        var result = CliRunner.Run("--log-file", string.Empty, "validate", "--profile", Profile);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.InvalidInput), result.Error);
        Assert.That(result.Error, Does.StartWith("error: Option '--log-file' was given an empty value."));
    }

    [Test]
    public void Argument_errors_are_written_to_the_log_file_too()
    {
        var log = Path.Combine(_folder.Path, "fwkit.log");

        var result = CliRunner.Run("--log-file", log, "plan", "--profile", Profile, "--formt", "json");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(File.ReadAllText(log), Does.Contain("[ERR] Unrecognized command or argument '--formt'."));
    }

    [Test]
    public void An_empty_value_is_written_to_the_log_file_too()
    {
        var log = Path.Combine(_folder.Path, "fwkit.log");

        var result = CliRunner.Run("validate", "--profile", string.Empty, "--log-file", log);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(File.ReadAllText(log), Does.Contain("[ERR] Option '--profile' was given an empty value."));
    }

    [Test]
    public void Invalid_input_is_written_to_the_log_file_too()
    {
        var log = Path.Combine(_folder.Path, "fwkit.log");

        var result = CliRunner.Run("--log-file", log, "validate", "--profile", _folder.Path);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.InvalidInput));
        Assert.That(File.ReadAllText(log), Does.Contain($"[ERR] {_folder.Path}: $: the path is a directory, not a file."));
    }

    [Test]
    public void A_log_file_that_is_a_FIFO_is_exit_2_without_waiting_for_a_reader()
    {
        var fifo = UnixFiles.MakeFifo(Path.Combine(_folder.Path, "log.fifo"));

        var result = UnixFiles.WithinTwoSeconds(() => CliRunner.Run("--log-file", fifo, "validate", "--profile", Profile));

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.InvalidInput), result.Error);
        Assert.That(result.Error, Does.StartWith($"error: command line: --log-file: '{fifo}' is a FIFO (named pipe), not a regular file. Fix: "));
    }

    [Test]
    public void A_log_file_that_is_a_symbolic_link_is_exit_2_and_its_target_is_untouched()
    {
        var target = Path.Combine(_folder.Path, "target.txt");
        File.WriteAllText(target, "keep");
        var link = Path.Combine(_folder.Path, "fwkit.log");
        File.CreateSymbolicLink(link, target);

        var result = CliRunner.Run("--log-file", link, "validate", "--profile", Profile);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.InvalidInput), result.Error);
        Assert.That(result.Error, Does.StartWith($"error: command line: --log-file: '{link}' is a symbolic link, not a regular file. Fix: "));
        Assert.That(File.ReadAllText(target), Is.EqualTo("keep"));
    }

    [Test]
    public void A_log_file_that_is_an_input_of_the_command_is_exit_2_and_the_input_is_untouched()
    {
        var profile = Path.Combine(_folder.Path, "profile.json");
        File.Copy(Profile, profile);
        var before = File.ReadAllText(profile);

        var result = CliRunner.Run("--log-file", profile, "validate", "--profile", profile);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.InvalidInput), result.Error);
        Assert.That(result.Error, Does.StartWith($"error: command line: --log-file: '{profile}' is also an input of this command"));
        Assert.That(File.ReadAllText(profile), Is.EqualTo(before));
    }
}
