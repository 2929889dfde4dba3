import type { Knex } from 'knex'

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('saved_view_group_api_tokens', (table) => {
    table
      .string('tokenId')
      .notNullable()
      .references('id')
      .inTable('api_tokens')
      .onDelete('cascade')
    table.string('savedViewGroupId').notNullable() // can't be a fk due to multiregionality
    table
      .string('projectId')
      .notNullable()
      .references('id')
      .inTable('streams')
      .onDelete('cascade')
    table
      .string('userId')
      .notNullable()
      .references('id')
      .inTable('users')
      .onDelete('cascade')
    table.string('content').notNullable()
    table.primary(['savedViewGroupId', 'tokenId'])
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('saved_view_group_api_tokens')
}
