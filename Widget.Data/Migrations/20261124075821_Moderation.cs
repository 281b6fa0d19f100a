using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Widget.Data.Migrations
{
    /// <inheritdoc />
    public partial class Moderation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "deleted_at",
                table: "posts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "shadow",
                table: "posts",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "hidden_at",
                table: "post_tags",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "channel_bans",
                columns: table => new
                {
                    tag = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    user_id = table.Column<long>(type: "bigint", nullable: false),
                    until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    shadow = table.Column<bool>(type: "boolean", nullable: false),
                    banned_by = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_channel_bans", x => new { x.tag, x.user_id });
                    table.ForeignKey(
                        name: "fk_channel_bans_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "channel_moderators",
                columns: table => new
                {
                    tag = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    user_id = table.Column<long>(type: "bigint", nullable: false),
                    appointed_by = table.Column<long>(type: "bigint", nullable: false),
                    appointed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_channel_moderators", x => new { x.tag, x.user_id });
                    table.ForeignKey(
                        name: "fk_channel_moderators_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "channel_rules",
                columns: table => new
                {
                    tag = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    slow_mode_seconds = table.Column<int>(type: "integer", nullable: false),
                    blocked_words = table.Column<List<string>>(type: "text[]", nullable: false),
                    pinned_post_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_channel_rules", x => x.tag);
                    table.ForeignKey(
                        name: "fk_channel_rules_posts_pinned_post_id",
                        column: x => x.pinned_post_id,
                        principalTable: "posts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "moderation_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tag = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    moderator_id = table.Column<long>(type: "bigint", nullable: false),
                    action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    post_id = table.Column<long>(type: "bigint", nullable: true),
                    target_user_id = table.Column<long>(type: "bigint", nullable: true),
                    detail = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_moderation_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "post_reports",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tag = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    post_id = table.Column<long>(type: "bigint", nullable: false),
                    reporter_id = table.Column<long>(type: "bigint", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_post_reports", x => x.id);
                    table.ForeignKey(
                        name: "fk_post_reports_posts_post_id",
                        column: x => x.post_id,
                        principalTable: "posts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_post_reports_users_reporter_id",
                        column: x => x.reporter_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_posts_author_id_channel_created_at",
                table: "posts",
                columns: new[] { "author_id", "channel", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_channel_bans_user_id",
                table: "channel_bans",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_channel_moderators_user_id",
                table: "channel_moderators",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_channel_rules_pinned_post_id",
                table: "channel_rules",
                column: "pinned_post_id");

            migrationBuilder.CreateIndex(
                name: "ix_moderation_log_tag_id",
                table: "moderation_log",
                columns: new[] { "tag", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_post_reports_post_id_reporter_id",
                table: "post_reports",
                columns: new[] { "post_id", "reporter_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_post_reports_reporter_id",
                table: "post_reports",
                column: "reporter_id");

            migrationBuilder.CreateIndex(
                name: "ix_post_reports_tag_id",
                table: "post_reports",
                columns: new[] { "tag", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "channel_bans");

            migrationBuilder.DropTable(
                name: "channel_moderators");

            migrationBuilder.DropTable(
                name: "channel_rules");

            migrationBuilder.DropTable(
                name: "moderation_log");

            migrationBuilder.DropTable(
                name: "post_reports");

            migrationBuilder.DropIndex(
                name: "ix_posts_author_id_channel_created_at",
                table: "posts");

            migrationBuilder.DropColumn(
                name: "deleted_at",
                table: "posts");

            migrationBuilder.DropColumn(
                name: "shadow",
                table: "posts");

            migrationBuilder.DropColumn(
                name: "hidden_at",
                table: "post_tags");
        }
    }
}
