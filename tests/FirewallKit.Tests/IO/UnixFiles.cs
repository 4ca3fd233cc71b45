using System.Diagnostics;

namespace FirewallKit.Tests.IO;

/// <summary>Special files for tests: FIFOs made with mkfifo(1), the character devices every Linux has.</summary>
internal static class UnixFiles
{
    public static void RequireLinux() => Assume.That(OperatingSystem.IsLinux(), "FIFOs and /dev devices are tested on Linux");

    public static string MakeFifo(string path)
    {
        RequireLinux();
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.That(mkfifo.ExitCode, Is.Zero, "mkfifo failed");
        return path;
    }

    /// <summary>Runs <paramref name="action"/>, failing the test if it has not finished within two seconds (a FIFO opened for reading would wait forever).</summary>
    public static T WithinTwoSeconds<T>(Func<T> action)
    {
        var task = Task.Run(action);
        Assert.That(task.Wait(TimeSpan.FromSeconds(2)), Is.True, "still running after 2 s: it is blocked");
        return task.Result;
    }
}
