using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Widget.Data.Migrations
{
    /// <summary>
    /// What a post attempt must know before it is stored (<c>PostingChecks</c>), as a function whose one
    /// statement keeps a generic plan. Sent as a prepared statement, Postgres planned it anew on every
    /// execution (a custom plan for a known tag array is always estimated a little cheaper), and planning
    /// it cost far more than running it: in the ingest benchmark Postgres's CPU per post fell from
    /// 423-467 to 269-280 µs with this function. PL/pgSQL keeps the statement's plan for the session, and
    /// the function's own <c>plan_cache_mode</c> makes it generic.
    /// </summary>
    public partial class PostingChecksFunction : Migration
    {
        // Rules rows only when the channel has rules that can refuse; the last post's time only under
        // slow mode. "First post" holds until the user has a post shown in that channel. Every tag of
        // the post counts for premoderation, so a hashtag cannot carry a post past a premoderated
        // channel; the first such tag in sorted order owns the queue.
        internal const string CreateFunction = """
            CREATE FUNCTION posting_checks(
                p_user bigint, p_channel text, p_tags text[], p_every_post integer, p_first_post integer)
            RETURNS TABLE (row_kind integer, row_tag text, ban_until timestamptz, ban_reason text,
                           ban_shadow boolean, slow_mode integer, words text[], last_post_at timestamptz)
            LANGUAGE plpgsql STABLE
            SET plan_cache_mode = force_generic_plan
            AS $function$
            BEGIN
                RETURN QUERY
                SELECT 0, b.tag::text, b.until, b.reason::text, b.shadow, 0, NULL::text[], NULL::timestamptz
                FROM channel_bans b WHERE b.user_id = p_user AND b.tag = ANY(p_tags)
                UNION ALL
                SELECT 1, r.tag::text, NULL::timestamptz, NULL::text, NULL::boolean, r.slow_mode_seconds,
                       r.blocked_words,
                       CASE WHEN r.slow_mode_seconds > 0
                            THEN (SELECT max(p.created_at) FROM posts p WHERE p.author_id = p_user AND p.channel = p_channel) END
                FROM channel_rules r
                WHERE r.tag = p_channel AND (r.slow_mode_seconds > 0 OR cardinality(r.blocked_words) > 0)
                UNION ALL
                (SELECT 2, r.tag::text, NULL::timestamptz, NULL::text, NULL::boolean, 0, NULL::text[], NULL::timestamptz
                 FROM channel_rules r
                 WHERE r.tag = ANY(p_tags) AND (r.premoderation = p_every_post OR (r.premoderation = p_first_post AND NOT EXISTS (
                     SELECT 1 FROM posts p WHERE p.author_id = p_user AND p.channel = r.tag AND NOT p.shadow AND p.deleted_at IS NULL)))
                 ORDER BY r.tag LIMIT 1);
            END
            $function$;
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(CreateFunction);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION posting_checks(bigint, text, text[], integer, integer);");
        }
    }
}
