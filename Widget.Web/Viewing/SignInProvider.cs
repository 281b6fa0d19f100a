namespace Widget.Web.Viewing;

/// <summary>A sign-in button: the provider's short name and the label shown.</summary>
public sealed record SignInProvider(string Name, string DisplayName);
