namespace Widget.Browser.Tests.Infrastructure;

/// <summary>
/// Call tests encode and decode video for several people in one Chromium, which takes most of a 2-core machine:
/// they run one after another, never beside each other.
/// </summary>
[CollectionDefinition(Name)]
public sealed class CallsCollection
{
    public const string Name = "Calls";
}
