namespace FirewallKit.Core.Machine;

/// <summary>The on-link routes of the machine's route table: on Windows, GetIpForwardTable2 (FirewallKit.Windows).</summary>
public interface IOnLinkRoutes
{
    IReadOnlyList<OnLinkRoute> Read();
}
