namespace FirewallKit.Core.IO;

/// <summary>
/// Makes a folder for backups or logs ready, and refuses one that others than the system and administrators can write
/// to: they could plant a forged backup for a later rollback, or change a log an installer trusts.
/// </summary>
public interface IFolderGuard
{
    /// <summary>Creates <paramref name="folder"/> when missing, or throws <see cref="FileRefusedException"/> when others can write to it.</summary>
    void Prepare(string folder);
}
