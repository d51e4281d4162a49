package io.cdp.c360.api;

import io.cdp.c360.config.Customer360Properties;
import io.cdp.events.codec.EventCodec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PiiClientConfiguration {

    @Bean
    CoreBankingPii coreBankingPii(Customer360Properties properties, EventCodec codec) {
        return new CoreBankingPii(properties.coreBankingUrl(), properties.unmaskTimeout(), codec.mapper());
    }
}
