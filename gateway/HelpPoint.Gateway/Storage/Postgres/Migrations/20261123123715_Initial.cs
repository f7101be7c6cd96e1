using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HelpPoint.Gateway.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "branches",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    time_zone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    languages = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    default_handling_s = table.Column<int>(type: "integer", nullable: false),
                    accept_timeout_s = table.Column<int>(type: "integer", nullable: false),
                    target_accept_s = table.Column<int>(type: "integer", nullable: false),
                    opening_hours = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_branches", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "devices",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    branch = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    secret_hash = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    online = table.Column<bool>(type: "boolean", nullable: false),
                    last_seen = table.Column<long>(type: "bigint", nullable: true),
                    firmware = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    uptime_s = table.Column<long>(type: "bigint", nullable: true),
                    rssi = table.Column<int>(type: "integer", nullable: true),
                    free_heap = table.Column<long>(type: "bigint", nullable: true),
                    queued = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_devices", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "duty",
                columns: table => new
                {
                    user_name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    branch = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    on_duty = table.Column<bool>(type: "boolean", nullable: false),
                    languages = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    since = table.Column<long>(type: "bigint", nullable: false),
                    is_desk = table.Column<bool>(type: "boolean", nullable: false),
                    last_activity_at = table.Column<long>(type: "bigint", nullable: true),
                    prompted_at = table.Column<long>(type: "bigint", nullable: true),
                    last_assigned_at = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_duty", x => x.user_name);
                });

            migrationBuilder.CreateTable(
                name: "request_events",
                columns: table => new
                {
                    seq = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    request_id = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    branch = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    at = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    actor = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_request_events", x => x.seq);
                });

            migrationBuilder.CreateTable(
                name: "requests",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    branch = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    device = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    category = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    lang = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    ticket = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    local_day = table.Column<DateOnly>(type: "date", nullable: false),
                    pressed_at = table.Column<long>(type: "bigint", nullable: false),
                    received_at = table.Column<long>(type: "bigint", nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    queue_key = table.Column<long>(type: "bigint", nullable: false),
                    host_user = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    host_name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    assigned_at = table.Column<long>(type: "bigint", nullable: true),
                    finished_at = table.Column<long>(type: "bigint", nullable: true),
                    escalated = table.Column<bool>(type: "boolean", nullable: false),
                    offered_to = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    offer_expires_at = table.Column<long>(type: "bigint", nullable: true),
                    tried = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    feedback = table.Column<int>(type: "integer", nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_requests", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "roster",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    branch = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    day = table.Column<int>(type: "integer", nullable: false),
                    start_time = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    end_time = table.Column<TimeOnly>(type: "time without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_roster", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sessions",
                columns: table => new
                {
                    token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    user_name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<long>(type: "bigint", nullable: false),
                    expires_at = table.Column<long>(type: "bigint", nullable: false),
                    revoked = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sessions", x => x.token_hash);
                });

            migrationBuilder.CreateTable(
                name: "staff",
                columns: table => new
                {
                    user_name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    display_name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    languages = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    branches = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    secret_hash = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    failed_sign_ins = table.Column<int>(type: "integer", nullable: false),
                    locked_until = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff", x => x.user_name);
                });

            migrationBuilder.CreateTable(
                name: "ticket_counters",
                columns: table => new
                {
                    branch = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ticket_counters", x => new { x.branch, x.day });
                });

            migrationBuilder.CreateIndex(
                name: "ix_devices_branch",
                table: "devices",
                column: "branch");

            migrationBuilder.CreateIndex(
                name: "ix_duty_branch_on",
                table: "duty",
                columns: new[] { "branch", "on_duty" });

            migrationBuilder.CreateIndex(
                name: "ix_request_events_branch_at",
                table: "request_events",
                columns: new[] { "branch", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_request_events_request",
                table: "request_events",
                column: "request_id");

            migrationBuilder.CreateIndex(
                name: "ix_requests_branch_day",
                table: "requests",
                columns: new[] { "branch", "local_day" });

            migrationBuilder.CreateIndex(
                name: "ix_requests_branch_state_queue",
                table: "requests",
                columns: new[] { "branch", "state", "queue_key" });

            migrationBuilder.CreateIndex(
                name: "ix_requests_device_received",
                table: "requests",
                columns: new[] { "device", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_requests_host_state",
                table: "requests",
                columns: new[] { "host_user", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_requests_state_offer",
                table: "requests",
                columns: new[] { "state", "offer_expires_at" });

            migrationBuilder.CreateIndex(
                name: "ix_roster_branch_day",
                table: "roster",
                columns: new[] { "branch", "day" });

            migrationBuilder.CreateIndex(
                name: "ix_sessions_user",
                table: "sessions",
                column: "user_name");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "branches");

            migrationBuilder.DropTable(
                name: "devices");

            migrationBuilder.DropTable(
                name: "duty");

            migrationBuilder.DropTable(
                name: "request_events");

            migrationBuilder.DropTable(
                name: "requests");

            migrationBuilder.DropTable(
                name: "roster");

            migrationBuilder.DropTable(
                name: "sessions");

            migrationBuilder.DropTable(
                name: "staff");

            migrationBuilder.DropTable(
                name: "ticket_counters");
        }
    }
}
