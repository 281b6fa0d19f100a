using Microsoft.AspNetCore.Http.HttpResults;

namespace Widget.Bench.BareHub;

/// <summary>The service's <c>POST /api/tags/{tag}/posts</c>, minus storage and sign-in: broadcast and answer.</summary>
public static class PostsEndpoint
{
    public static async Task<Results<Created<Post>, BadRequest>> CreateAsync(
        string tag, CreatePostRequest request, Broadcaster broadcaster, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(request.Text))
        {
            return TypedResults.BadRequest();
        }

        var post = await broadcaster.PublishAsync(tag, request.Text, ct);
        return TypedResults.Created($"/api/posts/{post.Id}", post);
    }
}
