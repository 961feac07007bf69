/**
 * Working time: the official calendar of public holidays and make-up working days, the office's working hours, and
 * time-limit arithmetic on it (working hours, working days, natural hours), so that casework and admission hold
 * handling units to deadlines the way the regulations count them.
 * <p>
 * The API: {@link cn.linli.worktime.WorkingTime} (deadlines, elapsed working time, working-day questions; in memory,
 * no database call per computation), {@link cn.linli.worktime.WorkCalendarManagement} (administrators edit or upload
 * the calendar) and the event {@link cn.linli.worktime.WorkCalendarChanged}. {@link cn.linli.worktime.WorkClock} is
 * the arithmetic itself, free of Spring, for tests and batch jobs. Outside the years the calendar covers, Monday to
 * Friday are working days; {@link cn.linli.worktime.WorkingTime#covers(int)} says which years are loaded.
 * Depends on access (roles, audit log), the web frame and cluster signals (other instances reload the calendar).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Working time", allowedDependencies = {"shared", "web", "access", "cluster"})
package cn.linli.worktime;
