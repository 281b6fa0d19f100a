namespace Widget.Data.Sites;

/// <summary>A channel given to a new owner; <see cref="PreviousOwner"/> is "Name (id)", or null when it had none.</summary>
public sealed record Handover(string? PreviousOwner, string NewOwnerName);
