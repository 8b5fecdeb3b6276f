package io.kinesisworkbook.emulator.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinesisworkbook.emulator.http.AwsRequest;
import io.kinesisworkbook.emulator.http.Members;
import io.kinesisworkbook.emulator.http.Validation;
import java.util.List;

/** PutRule, DescribeRule, ListRules, DeleteRule, EnableRule, DisableRule, ListRuleNamesByTarget. */
final class RuleOperations {

    static final int MAX_PATTERN_LENGTH = 4096;
    private static final List<String> STATES = List.of("DISABLED", "ENABLED", "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS");

    private final EventsContext context;
    private final Runnable schedulesChanged;

    /** @param schedulesChanged told when a rule with a schedule is put or enabled (the scheduler starts then) */
    RuleOperations(EventsContext context, Runnable schedulesChanged) {
        this.context = context;
        this.schedulesChanged = schedulesChanged;
    }

    JsonNode put(AwsRequest request) {
        Members members = request.members();
        String name = members.string("Name");
        String patternText = members.string("EventPattern");
        String scheduleText = members.string("ScheduleExpression");
        String state = members.string("State");
        String description = members.string("Description");
        String roleArn = members.string("RoleArn");
        new Validation().notNull(name, "name").length(name, "name", 1, 64).pattern(name, "name", EventsContext.NAME)
                .length(scheduleText, "scheduleExpression", 0, 256)
                .length(patternText, "eventPattern", 0, MAX_PATTERN_LENGTH)
                .oneOf(state, "state", STATES)
                .length(description, "description", 0, 512)
                .length(roleArn, "roleArn", 1, 1600)
                .throwIfAny();
        EventBus bus = context.bus(request.region(), members, "EventBusName");
        if (patternText == null && scheduleText == null) {
            throw EventsErrors.validation("Parameter(s) EventPattern or ScheduleExpression must be specified.");
        }
        Schedule schedule = null;
        if (scheduleText != null) {
            if (!bus.isDefault()) {
                throw EventsErrors.validation("ScheduleExpression is supported only on the default event bus.");
            }
            schedule = Schedule.parse(scheduleText);
            if (schedule == null) {
                throw EventsErrors.validation("Parameter ScheduleExpression is not valid.");
            }
        }
        EventPattern pattern = patternText == null ? null : EventPattern.compile(patternText);
        var tags = Tags.read(members.structureList("Tags"));
        Rule rule;
        synchronized (bus) {
            rule = bus.rule(name);
            if (rule == null) {
                if (bus.ruleCount() >= EventBusRegistry.MAX_RULES_PER_BUS) {
                    throw EventsErrors.limitExceeded();
                }
                rule = new Rule(name, context.buses.ruleArn(request.region(), bus.name(), name), bus.name(),
                        context.buses.accountId());
                rule.tags().putAll(tags);
                rule.define(pattern, schedule, state == null ? Rule.ENABLED : state, description, roleArn, context.now());
                bus.add(rule);
            } else {
                rule.define(pattern, schedule, state == null ? rule.state() : state, description, roleArn, context.now());
                bus.rulesChanged();
            }
        }
        if (schedule != null) {
            schedulesChanged.run();
        }
        return request.newObject().put("RuleArn", rule.arn());
    }

    JsonNode describe(AwsRequest request) {
        Rule rule = context.rule(request.region(), request.members(), "Name");
        ObjectNode response = write(request.newObject(), rule);
        response.put("CreatedBy", rule.createdBy());
        return response;
    }

    JsonNode list(AwsRequest request) {
        Members members = request.members();
        String prefix = members.string("NamePrefix");
        Integer limit = members.integer("Limit");
        new Validation().length(prefix, "namePrefix", 1, 64).range(limit, "limit", 1, 100).throwIfAny();
        EventBus bus = context.bus(request.region(), members, "EventBusName");
        List<Rule> rules = bus.rules().stream().filter(rule -> prefix == null || rule.name().startsWith(prefix)).toList();
        Page<Rule> page = Page.of(rules, Rule::name, limit, members.string("NextToken"));
        ObjectNode response = request.newObject();
        ArrayNode list = response.putArray("Rules");
        synchronized (bus) {
            page.items().forEach(rule -> write(list.addObject(), rule));
        }
        page.putNextToken(response);
        return response;
    }

    /** Deleting a rule that does not exist succeeds, as on AWS; one with targets is refused unless forced. */
    JsonNode delete(AwsRequest request) {
        Members members = request.members();
        String name = members.string("Name");
        new Validation().notNull(name, "name").length(name, "name", 1, 64).pattern(name, "name", EventsContext.NAME)
                .throwIfAny();
        EventBus bus = context.bus(request.region(), members, "EventBusName");
        synchronized (bus) {
            Rule rule = bus.rule(name);
            if (rule == null) {
                return request.newObject();
            }
            if (!rule.targets().isEmpty() && !Boolean.TRUE.equals(members.bool("Force"))) {
                throw EventsErrors.validation("Rule can't be deleted since it has targets.");
            }
            bus.remove(name);
        }
        return request.newObject();
    }

    JsonNode enable(AwsRequest request) {
        return changeState(request, Rule.ENABLED);
    }

    JsonNode disable(AwsRequest request) {
        return changeState(request, Rule.DISABLED);
    }

    private JsonNode changeState(AwsRequest request, String state) {
        Rule rule = context.rule(request.region(), request.members(), "Name");
        EventBus bus = context.buses.require(request.region(), rule.busName());
        synchronized (bus) {
            rule.state(state, context.now());
            bus.rulesChanged();
        }
        if (rule.schedule() != null) {
            schedulesChanged.run();
        }
        return request.newObject();
    }

    JsonNode namesByTarget(AwsRequest request) {
        Members members = request.members();
        String targetArn = members.string("TargetArn");
        Integer limit = members.integer("Limit");
        new Validation().notNull(targetArn, "targetArn").length(targetArn, "targetArn", 1, 1600)
                .range(limit, "limit", 1, 100).throwIfAny();
        EventBus bus = context.bus(request.region(), members, "EventBusName");
        List<String> names;
        synchronized (bus) {
            names = bus.rules().stream()
                    .filter(rule -> rule.targets().values().stream().anyMatch(t -> t.arn().equals(targetArn)))
                    .map(Rule::name).toList();
        }
        Page<String> page = Page.of(names, n -> n, limit, members.string("NextToken"));
        ObjectNode response = request.newObject();
        page.items().forEach(response.putArray("RuleNames")::add);
        page.putNextToken(response);
        return response;
    }

    private static ObjectNode write(ObjectNode into, Rule rule) {
        into.put("Name", rule.name()).put("Arn", rule.arn());
        if (rule.pattern() != null) {
            into.put("EventPattern", rule.pattern().text());
        }
        if (rule.schedule() != null) {
            into.put("ScheduleExpression", rule.schedule().text());
        }
        into.put("State", rule.state());
        if (rule.description() != null) {
            into.put("Description", rule.description());
        }
        if (rule.roleArn() != null) {
            into.put("RoleArn", rule.roleArn());
        }
        into.put("EventBusName", rule.busName());
        return into;
    }
}
