using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Widget.Data.Migrations
{
    /// <summary>
    /// The posting checks of many attempts in one call (<c>PostingChecks</c> sends them in batches, as posts
    /// are stored). One call per post spent more of Postgres's time starting the statement and the function
    /// (executor start-up, the function's settings, a reply of its own) than looking anything up.
    /// </summary>
    public partial class PostingChecksInBatches : Migration
    {
        // The same checks as posting_checks, each row tagged with its attempt's ordinal; p_users and p_channels
        // one element per attempt, p_tag_ords and p_tags every tag of every attempt as (ordinal, tag) pairs.
        // Each lookup sits in a LATERAL subquery with a LIMIT, which the planner cannot flatten into a join:
        // the plan is generic and made once per session, and a hash join chosen while a table was small
        // would read the whole table for every batch once it has grown. For the same reason "has a post shown
        // there" is a scalar subquery, run as one index probe, where NOT EXISTS may become a hash of all the
        // user's posts.
        private const string CreateFunction = """
            CREATE FUNCTION posting_checks_batch(
                p_users bigint[], p_channels text[], p_tag_ords bigint[], p_tags text[],
                p_every_post integer, p_first_post integer)
            RETURNS TABLE (ord bigint, row_kind integer, row_tag text, ban_until timestamptz, ban_reason text,
                           ban_shadow boolean, slow_mode integer, words text[], last_post_at timestamptz)
            LANGUAGE plpgsql STABLE
            SET plan_cache_mode = force_generic_plan
            AS $function$
            BEGIN
                RETURN QUERY
                WITH attempts AS (
                    SELECT a.ord, a.user_id, a.channel
                    FROM unnest(p_users, p_channels) WITH ORDINALITY AS a(user_id, channel, ord)
                ), attempt_tags AS (
                    SELECT a.ord, a.user_id, t.tag
                    FROM unnest(p_tag_ords, p_tags) AS t(ord, tag) JOIN attempts a ON a.ord = t.ord
                )
                SELECT t.ord, 0, b.tag::text, b.until, b.reason::text, b.shadow, 0, NULL::text[], NULL::timestamptz
                FROM attempt_tags t CROSS JOIN LATERAL (
                    SELECT * FROM channel_bans b WHERE b.tag = t.tag AND b.user_id = t.user_id LIMIT 1) b
                UNION ALL
                SELECT a.ord, 1, r.tag::text, NULL::timestamptz, NULL::text, NULL::boolean, r.slow_mode_seconds,
                       r.blocked_words,
                       CASE WHEN r.slow_mode_seconds > 0
                            THEN (SELECT max(p.created_at) FROM posts p WHERE p.author_id = a.user_id AND p.channel = a.channel) END
                FROM attempts a CROSS JOIN LATERAL (
                    SELECT * FROM channel_rules r
                    WHERE r.tag = a.channel AND (r.slow_mode_seconds > 0 OR cardinality(r.blocked_words) > 0) LIMIT 1) r
                UNION ALL
                (SELECT DISTINCT ON (t.ord) t.ord, 2, r.tag::text, NULL::timestamptz, NULL::text, NULL::boolean, 0,
                        NULL::text[], NULL::timestamptz
                 FROM attempt_tags t CROSS JOIN LATERAL (
                     SELECT r.tag FROM channel_rules r
                     WHERE r.tag = t.tag AND (r.premoderation = p_every_post OR (r.premoderation = p_first_post AND (
                         SELECT p.id FROM posts p
                         WHERE p.author_id = t.user_id AND p.channel = r.tag AND NOT p.shadow AND p.deleted_at IS NULL
                         LIMIT 1) IS NULL))
                     LIMIT 1) r
                 ORDER BY t.ord, r.tag);
            END
            $function$;
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION posting_checks(bigint, text, text[], integer, integer);");
            migrationBuilder.Sql(CreateFunction);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION posting_checks_batch(bigint[], text[], bigint[], text[], integer, integer);");
            migrationBuilder.Sql(PostingChecksFunction.CreateFunction);
        }
    }
}
