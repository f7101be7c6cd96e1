using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelpPoint.Gateway.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DeliveryChannels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "channel_preferences",
                columns: table => new
                {
                    user_name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    web_push = table.Column<bool>(type: "INTEGER", nullable: false),
                    ntfy_topic = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    sms_number = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ui_lang = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_channel_preferences", x => x.user_name);
                });

            migrationBuilder.CreateTable(
                name: "delivery_attempts",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    request_id = table.Column<string>(type: "TEXT", maxLength: 48, nullable: true),
                    target = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    attempt = table.Column<int>(type: "INTEGER", nullable: false),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: true),
                    detail = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    duration_ms = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_delivery_attempts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "notification_keys",
                columns: table => new
                {
                    name = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    value = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notification_keys", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "push_subscriptions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    endpoint = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    p256dh = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    auth = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    last_sent_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_push_subscriptions", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_delivery_attempts_request",
                table: "delivery_attempts",
                column: "request_id");

            migrationBuilder.CreateIndex(
                name: "ix_delivery_attempts_user_at",
                table: "delivery_attempts",
                columns: new[] { "user_name", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_push_subscriptions_endpoint",
                table: "push_subscriptions",
                column: "endpoint",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_push_subscriptions_user",
                table: "push_subscriptions",
                column: "user_name");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "channel_preferences");

            migrationBuilder.DropTable(
                name: "delivery_attempts");

            migrationBuilder.DropTable(
                name: "notification_keys");

            migrationBuilder.DropTable(
                name: "push_subscriptions");
        }
    }
}
