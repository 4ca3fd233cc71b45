namespace FirewallKit.Tests.Windows.Fake;

/// <summary>
/// An HRESULT the fake returns instead of doing a call: for the calls <see cref="Matches"/>
/// selects, after skipping <c>skip</c> of them, <c>times</c> times. A faulted call changes nothing.
/// </summary>
public sealed class FakeFault(Func<FakeCall, bool> matches, int hresult, int skip, int times)
{
    private int _skipLeft = skip;
    private int _timesLeft = times;

    public int HResult { get; } = hresult;

    /// <summary>The calls this fault failed.</summary>
    public List<FakeCall> Hits { get; } = [];

    public Func<FakeCall, bool> Matches { get; } = matches;

    internal bool Fires(FakeCall call)
    {
        if (_timesLeft == 0 || !Matches(call))
        {
            return false;
        }

        if (_skipLeft > 0)
        {
            _skipLeft--;
            return false;
        }

        _timesLeft--;
        Hits.Add(call);
        return true;
    }
}
