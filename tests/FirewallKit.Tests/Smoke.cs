namespace FirewallKit.Tests; [NUnit.Framework.TestFixture] public class Smoke { [NUnit.Framework.Test] public void Runs() => NUnit.Framework.Assert.That(1, NUnit.Framework.Is.EqualTo(1)); }
