FROM php:8.3-fpm
COPY --from=composer:2 /usr/bin/composer /usr/bin/composer
WORKDIR /var/www
COPY composer.json composer.lock ./
RUN composer install --no-dev -o --no-scripts --no-autoloader
COPY . .
RUN composer dump-autoload --no-dev --optimize && composer run-script post-install-cmd --no-dev && php artisan route:cache
