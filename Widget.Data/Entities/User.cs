namespace Widget.Data.Entities;

public sealed class User
{
    public long Id { get; set; }

    public required string DisplayName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
