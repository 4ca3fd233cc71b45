using System.Runtime.CompilerServices;

namespace FirewallKit.Tests.Support;

/// <summary>
/// Golden files: <c>Approved/NAME</c> beside the calling test's source file. Set
/// <c>FWKIT_APPROVE=1</c> to rewrite them from the current output, then review the diff.
/// </summary>
public static class Approvals
{
    public const string RewriteVariable = "FWKIT_APPROVE";

    public static void Verify(string actual, string fileName, [CallerFilePath] string callerPath = "")
    {
        var approvedPath = Path.Combine(Path.GetDirectoryName(callerPath)!, "Approved", fileName);
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable(RewriteVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(approvedPath)!);
            File.WriteAllText(approvedPath, actual);
            Assert.Pass($"Rewrote {approvedPath}");
        }

        Assert.That(File.Exists(approvedPath), Is.True, $"No approved file {approvedPath}. Run the tests with {RewriteVariable}=1 to create it, then review it.");
        var approved = File.ReadAllText(approvedPath).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.That(actual, Is.EqualTo(approved), $"Output differs from {approvedPath}. If the change is intended, rerun with {RewriteVariable}=1 and review the diff.");
    }
}
