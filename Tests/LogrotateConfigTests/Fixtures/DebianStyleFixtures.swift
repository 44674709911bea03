/// Realistic configurations in the style of Debian's /etc/logrotate.conf and /etc/logrotate.d snippets (written
/// for these tests).
enum Fixtures {
    static let mainConf = """
        # see "man logrotate" for details

        # global options do not affect preceding include directives

        # rotate log files weekly
        weekly

        # keep 4 weeks worth of backlogs
        rotate 4

        # create new (empty) log files after rotating old ones
        create

        # use date as a suffix of the rotated file
        #dateext

        # uncomment this if you want your log files compressed
        #compress

        # packages drop log rotation information into this directory
        include /etc/logrotate.d

        # system-specific logs may also be configured here.
        """

    static let webServer = """
        /var/log/webserver/*.log {
        \tdaily
        \tmissingok
        \trotate 14
        \tcompress
        \tdelaycompress
        \tnotifempty
        \tcreate 0640 www-data adm
        \tsharedscripts
        \tprerotate
        \t\tif [ -d /etc/logrotate.d/httpd-prerotate ]; then \\
        \t\t\trun-parts /etc/logrotate.d/httpd-prerotate; \\
        \t\tfi \\
        \tendscript
        \tpostrotate
        \t\tinvoke-rc.d webserver rotate >/dev/null 2>&1
        \tendscript
        }
        """

    static let syslog = """
        /var/log/syslog
        /var/log/mail.info
        /var/log/mail.warn
        /var/log/daemon.log
        {
        \trotate 4
        \tweekly
        \tmissingok
        \tnotifempty
        \tcompress
        \tdelaycompress
        \tsharedscripts
        \tpostrotate
        \t\t/usr/lib/rsyslog/rsyslog-rotate
        \tendscript
        }
        """

    static let database = """
        # database server logs: size-driven, kept long
        /var/log/db/db.log /var/log/db/slow.log {
            su syslog adm
            size 50M
            maxsize 200M
            rotate 30
            dateext
            dateformat -%Y%m%d-%s
            compress
            compresscmd /usr/bin/zstd
            compressoptions -T0 --long
            olddir archive
            createolddir 0750 syslog adm
            copytruncate
            missingok
            maxage 90
        }
        """

    static let wtmp = """
        /var/log/wtmp {
            missingok
            monthly
            create 0664 root utmp
            minsize 1M
            rotate 1
        }

        /var/log/btmp {
            missingok
            monthly
            create 0660 root utmp
            rotate 1
        }
        """

    static let mailing = """
        compress
        "/var/log/app/app one.log" ~/logs/*.log {
            mail admin@example.org
            mailfirst
            extension .log
            addextension .old
            start 0
            rotate -1
            shred
            shredcycles 3
            allowhardlink
            yearly
            lastaction
                logger "rotated $1"
            endscript
        }
        """

    /// Everything above as one file each, by name.
    static let all: [(String, String)] = [
        ("logrotate.conf", mainConf), ("webserver", webServer), ("rsyslog", syslog), ("database", database),
        ("wtmp", wtmp), ("mailing", mailing),
    ]
}
