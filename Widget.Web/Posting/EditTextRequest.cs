namespace Widget.Web.Posting;

public sealed record EditTextRequest(string? Text);
