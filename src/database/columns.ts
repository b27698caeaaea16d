import { Column, ColumnOptions, PrimaryColumn } from 'typeorm';

/**
 * Column shapes shared by every entity. Types are spelled out (never inferred from decorator
 * metadata, which is `Object` for `T | null`), and chosen to exist on SQLite and PostgreSQL alike.
 */
export const IdColumn = () => PrimaryColumn({ type: 'varchar', length: 36 });
export const ReferenceColumn = (options: ColumnOptions = {}) => Column({ type: 'varchar', length: 36, ...options });
export const TextColumn = (length: number, options: ColumnOptions = {}) => Column({ type: 'varchar', length, ...options });
export const IntColumn = (options: ColumnOptions = {}) => Column({ type: 'integer', ...options });
/** A point in time; `Date` lets each driver pick its own timestamp type. */
export const TimestampColumn = (options: ColumnOptions = {}) => Column({ type: Date, ...options });
