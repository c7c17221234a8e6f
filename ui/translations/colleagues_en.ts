<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Colleagues::ChatView</name>
    <message numerus="yes">
        <source>%n people: %1</source>
        <translation>
            <numerusform>%n person: %1</numerusform>
            <numerusform>%n people: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n people</source>
        <comment>in a conversation</comment>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Colleagues::CommandLine</name>
    <message numerus="yes">
        <source>%n people</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Colleagues::ConversationsModel</name>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n unread</numerusform>
            <numerusform>%n unread</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Group · %n people</source>
        <translation>
            <numerusform>Group · %n person</numerusform>
            <numerusform>Group · %n people</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Colleagues::FilterButton</name>
    <message numerus="yes">
        <source>%n more not shown — type to narrow</source>
        <translation>
            <numerusform>%n more not shown — type to narrow</numerusform>
            <numerusform>%n more not shown — type to narrow</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n selected</source>
        <translation>
            <numerusform>%1: %n selected</numerusform>
            <numerusform>%1: %n selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Colleagues::LocalTime</name>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Colleagues::MainWindow</name>
    <message numerus="yes">
        <source>Messages — %n unread</source>
        <translation>
            <numerusform>Messages — %n unread</numerusform>
            <numerusform>Messages — %n unread</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Messages, %n unread</source>
        <translation>
            <numerusform>Messages, %n unread</numerusform>
            <numerusform>Messages, %n unread</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Colleagues::OrgModel</name>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Colleagues::OrgPanel</name>
    <message numerus="yes">
        <source>%n direct report(s)</source>
        <translation>
            <numerusform>%n direct report</numerusform>
            <numerusform>%n direct reports</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n people in the team</source>
        <translation>
            <numerusform>%n person in the team</numerusform>
            <numerusform>%n people in the team</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Colleagues::PeoplePanel</name>
    <message numerus="yes">
        <source>%n people in the directory</source>
        <translation>
            <numerusform>%n person in the directory</numerusform>
            <numerusform>%n people in the directory</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n people</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Colleagues::SignInDialog</name>
    <message numerus="yes">
        <source>Too many attempts. Wait %n minute(s), then try again.</source>
        <translation>
            <numerusform>Too many attempts. Wait %n minute, then try again.</numerusform>
            <numerusform>Too many attempts. Wait %n minutes, then try again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts. Wait %n second(s), then try again.</source>
        <translation>
            <numerusform>Too many attempts. Wait %n second, then try again.</numerusform>
            <numerusform>Too many attempts. Wait %n seconds, then try again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Colleagues::SkillMapWidget</name>
    <message numerus="yes">
        <source>Where the %n people found are, by the level of their matching skill. Click a bar to filter.</source>
        <translation>
            <numerusform>Where the %n person found is, by the level of their matching skill. Click a bar to filter.</numerusform>
            <numerusform>Where the %n people found are, by the level of their matching skill. Click a bar to filter.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Colleagues::SyncStatusWidget</name>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n change waiting to be sent</numerusform>
            <numerusform>%n changes waiting to be sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not sent</source>
        <translation>
            <numerusform>%n not sent</numerusform>
            <numerusform>%n not sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Colleagues::TeamOverviewWidget</name>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>%n more</numerusform>
            <numerusform>%n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n people in the team</source>
        <translation>
            <numerusform>%n person in the team</numerusform>
            <numerusform>%n people in the team</numerusform>
        </translation>
    </message>
</context>
</TS>
