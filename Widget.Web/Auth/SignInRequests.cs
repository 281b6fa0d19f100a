namespace Widget.Web.Auth;

public sealed record PopupStartRequest(string? Provider, string? Verifier);

public sealed record PopupNext(string Next);

public sealed record HandoffRequest(string? Verifier);

public sealed record HandoffCode(string Code);

public sealed record TokenRequest(string? Verifier, string? Code);
