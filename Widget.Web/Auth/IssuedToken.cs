namespace Widget.Web.Auth;

/// <summary>What the iframe receives for a redeemed sign-in code.</summary>
public sealed record IssuedToken(string AccessToken, long ExpiresIn, TokenUser User);

public sealed record TokenUser(long Id, string Name);
