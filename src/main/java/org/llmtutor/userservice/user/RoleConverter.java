package org.llmtutor.userservice.user;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
class RoleConverter implements AttributeConverter<Role, String> {

    @Override
    public String convertToDatabaseColumn(Role role) {
        return role == null ? null : role.wireName();
    }

    @Override
    public Role convertToEntityAttribute(String value) {
        // A role the service does not know (hand-edited legacy data) gets the least privilege.
        return value == null ? null : Role.fromWireName(value).orElse(Role.USER);
    }
}
