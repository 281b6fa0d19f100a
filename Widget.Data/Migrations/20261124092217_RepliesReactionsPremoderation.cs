using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Widget.Data.Migrations
{
    /// <inheritdoc />
    public partial class RepliesReactionsPremoderation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "edited_at",
                table: "posts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "reply_to_id",
                table: "posts",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "premoderation",
                table: "channel_rules",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "held_posts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false),
                    author_id = table.Column<long>(type: "bigint", nullable: false),
                    client_id = table.Column<Guid>(type: "uuid", nullable: false),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    channel = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    tags = table.Column<List<string>>(type: "text[]", nullable: false),
                    reply_to_id = table.Column<long>(type: "bigint", nullable: true),
                    tag = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    rejected_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reject_reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_held_posts", x => x.id);
                    table.ForeignKey(
                        name: "fk_held_posts_users_author_id",
                        column: x => x.author_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "post_reactions",
                columns: table => new
                {
                    post_id = table.Column<long>(type: "bigint", nullable: false),
                    user_id = table.Column<long>(type: "bigint", nullable: false),
                    emoji = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_post_reactions", x => new { x.post_id, x.user_id, x.emoji });
                    table.ForeignKey(
                        name: "fk_post_reactions_posts_post_id",
                        column: x => x.post_id,
                        principalTable: "posts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_post_reactions_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_posts_reply_to_id",
                table: "posts",
                column: "reply_to_id",
                filter: "reply_to_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_held_posts_author_id_client_id",
                table: "held_posts",
                columns: new[] { "author_id", "client_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_held_posts_tag_id",
                table: "held_posts",
                columns: new[] { "tag", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_post_reactions_user_id",
                table: "post_reactions",
                column: "user_id");

            migrationBuilder.AddForeignKey(
                name: "fk_posts_posts_reply_to_id",
                table: "posts",
                column: "reply_to_id",
                principalTable: "posts",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_posts_posts_reply_to_id",
                table: "posts");

            migrationBuilder.DropTable(
                name: "held_posts");

            migrationBuilder.DropTable(
                name: "post_reactions");

            migrationBuilder.DropIndex(
                name: "ix_posts_reply_to_id",
                table: "posts");

            migrationBuilder.DropColumn(
                name: "edited_at",
                table: "posts");

            migrationBuilder.DropColumn(
                name: "reply_to_id",
                table: "posts");

            migrationBuilder.DropColumn(
                name: "premoderation",
                table: "channel_rules");
        }
    }
}
