namespace FirewallKit.Core.Profiles;

/// <summary>
/// The prefix lengths under which an entry of peers, admins or loadBalancers counts as wide: such a set stands for
/// particular hosts, so a whole /8 in it is more likely a slip than a plan. Clients are not measured: a print
/// service may serve a campus.
/// </summary>
public sealed record WideAudiencePrefix(int Ipv4, int Ipv6)
{
    public static readonly WideAudiencePrefix Default = new(16, 48);
}
