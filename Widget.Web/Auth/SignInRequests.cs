namespace Widget.Web.Auth;

public sealed record HandoffRequest(string? Nonce);

public sealed record HandoffCode(string Code);

public sealed record TokenRequest(string? Nonce, string? Code);
