namespace Widget.Data.Entities;

/// <summary>
/// A one-time code waiting to be collected by the iframe that chose the nonce.
/// Only the nonce's hash is kept, so the table alone cannot be used to redeem a code.
/// </summary>
public sealed class SignInHandoff
{
    public required byte[] NonceHash { get; set; }

    public required string Code { get; set; }

    public Guid SessionId { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? ConsumedAt { get; set; }
}
