namespace FirewallKit.Tests.Windows.Fake;

/// <summary>One firewall profile's settings as INetFwPolicy2 reports them; Windows' defaults.</summary>
public sealed class FakeProfileSettings
{
    public bool FirewallEnabled { get; set; } = true;

    /// <summary>NET_FW_ACTION: 0 block (the default), 1 allow.</summary>
    public int DefaultInboundAction { get; set; }

    public int DefaultOutboundAction { get; set; } = 1;

    public bool BlockAllInboundTraffic { get; set; }

    public bool NotificationsDisabled { get; set; }

    public bool UnicastResponsesToMulticastBroadcastDisabled { get; set; }
}
