namespace Widget.Data.Accounts;

/// <summary>Who a sign-in session belongs to.</summary>
public sealed record SessionUser(Guid SessionId, long UserId, string DisplayName);
