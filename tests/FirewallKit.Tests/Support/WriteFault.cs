namespace FirewallKit.Tests.Support;

/// <summary>How a write fails: before it changes anything, half-way (as a COM rule whose property puts stop part-way), or after it took effect.</summary>
public enum WriteFault
{
    Before,
    HalfWay,
    After,
}
