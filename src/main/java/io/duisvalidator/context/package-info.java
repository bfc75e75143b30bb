/**
 * What the validator knows besides the message: a {@link io.duisvalidator.context.Context} of Users
 * ({@link io.duisvalidator.context.UserRegistry}), devices ({@link io.duisvalidator.context.DeviceInventory}),
 * Registration Data ({@link io.duisvalidator.context.RegistrationData}) and schedule history
 * ({@link io.duisvalidator.context.ScheduleHistory}). Each source is either in memory (rows given to the builder,
 * or {@link io.duisvalidator.context.CsvContextLoader}) or the adaptor's own store behind the interface. Every
 * value type checks its components when it is built, with the rules and words of the CSV loader.
 */
package io.duisvalidator.context;
