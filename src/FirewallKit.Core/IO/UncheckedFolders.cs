namespace FirewallKit.Core.IO;

/// <summary>
/// Off Windows: the folder is created as asked and not checked. fwkit writes to the firewall only on Windows, where
/// <c>WindowsFolderGuard</c> checks access lists; elsewhere backups and logs are the user's own files.
/// </summary>
public sealed class UncheckedFolders : IFolderGuard
{
    public static readonly UncheckedFolders Instance = new();

    private UncheckedFolders()
    {
    }

    public void Prepare(string folder) => Directory.CreateDirectory(folder);
}
