enum KwalkTracePlaceholder {}
